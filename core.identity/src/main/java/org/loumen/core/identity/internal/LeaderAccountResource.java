package org.loumen.core.identity.internal;

import java.util.stream.Collectors;

import org.loumen.core.model.OrganisationService;
import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiRequest;
import org.loumen.web.ApiResource;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Leaders' accounts (楼门栋长账号开通): bulk issuance for a community or a street, and the community's list of leaders
 * with their accounts. Passwords of an issuance are in its answer only: the audit entry names the accounts, never a
 * password. A forgotten password is reset with the user routes ({@code POST /users/{username}/password-reset}).
 */
@Component(service = ApiResource.class)
public final class LeaderAccountResource implements ApiResource {

    private static final Role[] FOR_COMMUNITY = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN, Role.COMMUNITY_SECRETARY };
    private static final Role[] FOR_STREET = { Role.DISTRICT_ADMIN, Role.STREET_ADMIN };

    /** {@code {"usernameFrom": "phone" | "workId"}}, phone when absent. */
    record IssueBody(String usernameFrom) {
    }

    private final LeaderAccounts accounts;
    private final OrganisationService organisation;

    @Activate
    public LeaderAccountResource(@Reference LeaderAccounts accounts, @Reference OrganisationService organisation) {
        this.accounts = accounts;
        this.organisation = organisation;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/communities/{community}/leader-accounts", Access.node("community", FOR_COMMUNITY), r -> {
            String community = r.pathParam("community");
            if (organisation.community(community).isEmpty()) {
                throw ApiException.notFound("社区", "community", community);
            }
            return issue(r, community);
        })
                .post("/streets/{street}/leader-accounts", Access.node("street", FOR_STREET), r -> {
                    String street = r.pathParam("street");
                    if (organisation.street(street).isEmpty()) {
                        throw ApiException.notFound("街道", "street", street);
                    }
                    return issue(r, street);
                })
                .get("/communities/{community}/leader-accounts", Access.node("community", FOR_COMMUNITY)
                        .personalData(), r -> {
                            String community = r.pathParam("community");
                            if (organisation.community(community).isEmpty()) {
                                throw ApiException.notFound("社区", "community", community);
                            }
                            return accounts.list(community);
                        });
    }

    private LeaderAccounts.Issuance issue(ApiRequest r, String node) throws ApiException {
        IssueBody body = r.body(IssueBody.class);
        LeaderAccounts.UsernameFrom from = switch (body.usernameFrom() == null ? "phone" : body.usernameFrom()) {
            case "phone" -> LeaderAccounts.UsernameFrom.PHONE;
            case "workId" -> LeaderAccounts.UsernameFrom.WORK_ID;
            default -> throw ApiException.invalidField("usernameFrom", "usernameFrom 须为 phone 或 workId / "
                    + "usernameFrom must be phone or workId");
        };
        LeaderAccounts.Issuance done = accounts.issue(node, from, r.caller().username());
        String names = done.issued().stream().map(i -> i.leaderId() + "=" + i.username())
                .collect(Collectors.joining(","));
        // never a password in the audit trail
        r.auditDetail(cut("issued " + done.issued().size() + " leader accounts (" + names + "); skipped "
                + done.skipped().size() + "; existing " + done.existing(), 480));
        return done;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
