package org.loumen.core.notify.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.aries.jpa.template.JpaTemplate;
import org.loumen.notify.NotificationChannel;
import org.loumen.domain.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Each user's choice of personal channels (e.g. e-mail) and their address there. */
@Component(service = ChannelChoices.class)
public final class ChannelChoices {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9.-]{0,59}");

    /** The kinds of notice the platform itself publishes, with their names (Chinese first), for choosing. */
    static final Map<String, String> KNOWN = kinds();

    /**
     * One personal channel with the user's choice.
     *
     * @param kinds the kinds of notice wanted there, by prefix; empty: every kind
     */
    record Choice(String channel, String address, boolean enabled, List<String> kinds) {
    }

    private static Map<String, String> kinds() {
        Map<String, String> k = new java.util.LinkedHashMap<>();
        k.put("report.major", "重大问题上报 / major report");
        k.put("report.overdue", "问题超时 / report overdue");
        k.put("report.resolved", "问题办结 / report resolved");
        k.put("care.overdue", "关怀走访逾期 / care visit overdue");
        k.put("meeting.missed", "例会未开 / meeting missed");
        k.put("evaluation.due", "半年评议将到期 / half-year evaluation due");
        k.put("leader.notReappointed", "不再选任 / leader not reappointed");
        k.put("programme.failed", "特色项目部署失败 / programme failed");
        return java.util.Collections.unmodifiableMap(k);
    }

    /** The stored comma-separated kinds as a list. */
    static List<String> kinds(String stored) {
        List<String> out = new ArrayList<>();
        for (String k : (stored == null ? "" : stored).split(",")) {
            if (!k.isBlank()) {
                out.add(k.strip());
            }
        }
        return out;
    }

    /** Whether a notice of {@code kind} is wanted under the chosen prefixes (none chosen: every kind). */
    static boolean wants(List<String> chosen, String kind) {
        return chosen.isEmpty() || chosen.stream().anyMatch(kind::startsWith);
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
            out.add(new Choice(c.getKey(), e == null ? "" : e.address, e != null && e.enabled,
                    e == null ? List.of() : kinds(e.kinds)));
        }
        return out;
    }

    Choice set(String username, String channel, String address, boolean enabled, List<String> kinds)
            throws Refusal {
        NotificationChannel c = channels.channel(channel).filter(NotificationChannel::personal).orElseThrow(
                () -> Refusal.notFound("通知渠道", "notification channel", channel));
        String a = address == null ? "" : address.strip();
        if (a.length() > 200 || (enabled && a.isEmpty())) {
            throw Refusal.invalidField("address", "请填写接收地址（至多 200 个字符） / an address of at most 200 "
                    + "characters is required");
        }
        if (!a.isEmpty() && channel.startsWith("email") && !EMAIL.matcher(a).matches()) {
            throw Refusal.invalidField("address", "电子邮箱格式不正确 / not an e-mail address");
        }
        List<String> wanted = new ArrayList<>();
        for (String k : kinds == null ? List.<String>of() : kinds) {
            String t = k == null ? "" : k.strip();
            if (!KIND.matcher(t).matches()) {
                throw Refusal.invalidField("kinds", "通知类型格式不正确 / a kind is 1-60 characters of a-z, 0-9, "
                        + "'.' and '-'");
            }
            if (!wanted.contains(t)) {
                wanted.add(t);
            }
        }
        if (wanted.size() > 20) {
            throw Refusal.invalidField("kinds", "至多选择 20 种通知类型 / at most 20 kinds");
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
            e.kinds = wanted.isEmpty() ? null : String.join(",", wanted);
        });
        return new Choice(channel, a, enabled && c != null, List.copyOf(wanted));
    }
}
