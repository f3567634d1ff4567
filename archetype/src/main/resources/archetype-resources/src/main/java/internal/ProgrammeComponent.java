package ${package}.internal;

import java.time.Instant;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.loumen.programme.Programme;
import org.loumen.programme.ProgrammeDefinition;
import org.loumen.programme.ProgrammeRequest;
import org.loumen.programme.ProgrammeRoutes;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ${nameEn} programme (${nameZh}). The platform serves its route at
 * {@code /api/v1/streets/{street}/programmes/${programmeId}/notes} once a street enabled it, after checking that the
 * caller may act in that street: this class writes no security or enablement code.
 *
 * <p>Without roles a route serves the programme's default roles (district admin, street admin, community secretary);
 * {@code Allowed} names roles of the programme's own, declared with {@code routes.role(...)}. Personal data of the
 * core is read through {@code r.data()} after declaring it with {@code routes.reads(...)}; workflow facts through the
 * {@code org.loumen.core.workflow.WorkflowFacts} service (see "Writing a programme" in the Loumen README).
 */
@Component(service = Programme.class)
@ProgrammeDefinition(id = "${programmeId}", nameZh = "${nameZh}", nameEn = "${nameEn}", consoleResources = "/console",
        consoleMenuZh = "${nameZh}", consoleMenuEn = "${nameEn}")
public final class ProgrammeComponent implements Programme {

    private final JpaTemplate jpa;

    @Activate
    public ProgrammeComponent(@Reference(target = "(osgi.unit.name=loumen.programme.${programmeId})") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void routes(ProgrammeRoutes routes) {
        routes.get("/notes", this::notes)
                .post("/notes", this::add);
    }

    /** The street's notes, newest first. */
    List<Notes.Note> notes(ProgrammeRequest r) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery(
                "SELECT n FROM NoteEntity n WHERE n.street = :s ORDER BY n.id DESC", NoteEntity.class)
                .setParameter("s", r.street()).setMaxResults(200).getResultList()).stream()
                .map(ProgrammeComponent::view).toList();
    }

    ApiResponse add(ProgrammeRequest r) throws ApiException {
        String text = Notes.text(r.body(Notes.NewNote.class));
        NoteEntity saved = jpa.txExpr(TransactionType.Required, em -> {
            NoteEntity n = new NoteEntity();
            n.street = r.street();
            n.text = text;
            n.createdBy = r.caller().username();
            n.createdAt = Instant.now().toEpochMilli();
            em.persist(n);
            em.flush();
            return n;
        });
        r.auditDetail("note " + saved.id);
        return ApiResponse.created(view(saved));
    }

    static Notes.Note view(NoteEntity n) {
        return new Notes.Note(n.id, n.street, n.text, n.createdBy, n.createdAt());
    }
}
