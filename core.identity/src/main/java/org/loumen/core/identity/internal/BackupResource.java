package org.loumen.core.identity.internal;

import java.io.IOException;

import org.loumen.security.Role;
import org.loumen.web.Access;
import org.loumen.web.ApiException;
import org.loumen.web.ApiResource;
import org.loumen.web.ApiResponse;
import org.loumen.web.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/system/backup} (district administrator): an online backup into {@code DATA/backups/} on the
 * server, answered with its file, size, duration and the last audit entry it holds. Audited like every write.
 */
@Component(service = ApiResource.class)
public final class BackupResource implements ApiResource {

    private final DatabaseBackup backup;

    @Activate
    public BackupResource(@Reference DatabaseBackup backup) {
        this.backup = backup;
    }

    @Override
    public void routes(Routes routes) {
        routes.post("/system/backup", Access.within(Role.DISTRICT_ADMIN), r -> {
            try {
                return ApiResponse.created(backup.backup());
            } catch (DatabaseBackup.NotDerby e) {
                throw new ApiException(409, "not-derby", e.getMessage());
            } catch (IOException e) {
                throw new ApiException(503, "backup-failed", "备份写入失败 / the backup could not be written: "
                        + e.getMessage());
            }
        });
    }
}
