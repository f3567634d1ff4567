package org.loumen.core.workflow.internal;

import java.util.Map;

import org.loumen.web.Access;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The figures of projects, the sub-committee reserve, publicity campaigns and consultations in one answer, for the
 * dashboard of the district, a street or a community: counts only, no names.
 */
@Component(service = ApiResource.class)
public final class CivicResource implements ApiResource {

    private final ProjectService projects;
    private final ReserveService reserve;
    private final CampaignService campaigns;
    private final ConsultationService consultations;

    @Activate
    public CivicResource(@Reference ProjectService projects, @Reference ReserveService reserve,
            @Reference CampaignService campaigns, @Reference ConsultationService consultations) {
        this.projects = projects;
        this.reserve = reserve;
        this.campaigns = campaigns;
        this.consultations = consultations;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/civic/figures", Access.within(EvaluationResource.ORGANISERS).filteredBy("street"), r -> {
            String street = ReportResource.code(r, "street", 9);
            int year = r.queryInt("year", Civic.today().getYear(), 2000, 2199);
            return Map.of("year", year, "projects", projects.stats(r.scopes(), street, null, year),
                    "reserve", reserve.figures(r.scopes(), street),
                    "publicity", campaigns.figures(r.scopes(), street, year),
                    "consultations", consultations.figures(r.scopes(), street));
        });
    }
}
