package org.loumen.core.model.internal;

import org.loumen.core.model.ModelException;
import org.loumen.core.model.NewCommunity;
import org.loumen.core.model.OrganisationService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds demo data (invented communities, never real residents) when the launcher runs with {@code --demo}
 * (framework property {@code loumen.demo=true}). Idempotent: what exists already is left as it is.
 */
@Component(immediate = true)
public final class DemoData {

    static final String DEMO_PROPERTY = "loumen.demo";
    static final String COMMUNITIES = "/demo/communities.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(BundleContext context, @Reference OrganisationService organisation) {
        if (!Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY))) {
            return;
        }
        int added = 0;
        for (String[] row : Tsv.read(COMMUNITIES, 2)) {
            if (organisation.community(row[0]).isPresent()) {
                continue;
            }
            try {
                organisation.addCommunity(new NewCommunity(row[0], row[1], null));
                added++;
            } catch (ModelException e) {
                LOG.warn("Demo community {} not added: {}", row[0], e.getMessage());
            }
        }
        LOG.info("Demo data: {} communities added (演示数据已加载)", added);
    }
}
