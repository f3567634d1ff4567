package org.loumen.core.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.notify.NotificationChannel;
import org.loumen.web.ApiException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Each user's choice of personal channels (e.g. e-mail) and their address there. */
@Component(service = ChannelChoices.class)
public final class ChannelChoices {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    /** One personal channel with the user's choice. */
    record Choice(String channel, String address, boolean enabled) {
    }

    private final JpaTemplate jpa;
    private final ChannelRegistry channels;

    @Activate
    public ChannelChoices(@Reference(target = "(osgi.unit.name=loumen.notify)") JpaTemplate jpa,
            @Reference ChannelRegistry channels) {
        this.jpa = jpa;
        this.channels = channels;
    }

    /** Every personal channel registered now, with the user's address and choice (empty and off when none). */
    List<Choice> list(String username) {
        List<ChannelChoiceEntity> mine = jpa.txExpr(em -> em.createQuery("select c from ChannelChoiceEntity c "
                + "where c.username = :u", ChannelChoiceEntity.class).setParameter("u", username).getResultList());
        List<Choice> out = new ArrayList<>();
        for (Map.Entry<String, NotificationChannel> c : channels.all().entrySet()) {
            if (!c.getValue().personal()) {
                continue;
            }
            ChannelChoiceEntity e = mine.stream().filter(m -> m.channel.equals(c.getKey())).findFirst().orElse(null);
            out.add(new Choice(c.getKey(), e == null ? "" : e.address, e != null && e.enabled));
        }
        return out;
    }

    Choice set(String username, String channel, String address, boolean enabled) throws ApiException {
        NotificationChannel c = channels.channel(channel).filter(NotificationChannel::personal).orElseThrow(
                () -> ApiException.notFound("通知渠道", "notification channel", channel));
        String a = address == null ? "" : address.strip();
        if (a.length() > 200 || (enabled && a.isEmpty())) {
            throw ApiException.invalidField("address", "请填写接收地址（至多 200 个字符） / an address of at most 200 "
                    + "characters is required");
        }
        if (!a.isEmpty() && channel.startsWith("email") && !EMAIL.matcher(a).matches()) {
            throw ApiException.invalidField("address", "电子邮箱格式不正确 / not an e-mail address");
        }
        String id = username + "|" + channel;
        jpa.tx(em -> {
            ChannelChoiceEntity e = em.find(ChannelChoiceEntity.class, id);
            if (e == null) {
                e = new ChannelChoiceEntity();
                e.id = id;
                e.username = username;
                e.channel = channel;
                em.persist(e);
            }
            e.address = a;
            e.enabled = enabled;
        });
        return new Choice(channel, a, enabled && c != null);
    }
}
