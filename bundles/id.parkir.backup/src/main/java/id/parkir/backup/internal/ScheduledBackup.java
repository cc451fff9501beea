package id.parkir.backup.internal;

import id.parkir.api.Actor;
import id.parkir.api.Role;
import id.parkir.api.backup.BackupService;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup schedule: while {@code schedule} in {@code etc/id.parkir.backup.cfg} holds a cron
 * expression, a {@link Runnable} with {@code scheduler.expression} is registered for Karaf's scheduler
 * (feature {@code scheduler}, whiteboard; never two runs at once). A run that fails is logged as an
 * error and shown as an alert on the dashboard ({@link BackupService#status}); a run missed while the
 * server was down is not made up (the next one comes at its time).
 */
@Component(service = {}, configurationPid = "id.parkir.backup", immediate = true)
public class ScheduledBackup implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackup.class);
    static final Actor SCHEDULER = new Actor("scheduler", Role.ADMIN, false, "schedule");

    private final BackupService backups;
    private final ServiceRegistration<Runnable> registration;

    @Activate
    public ScheduledBackup(@Reference BackupService backups, BackupConfig config, BundleContext context) {
        this.backups = backups;
        String cron = config.schedule() == null ? "" : config.schedule().strip();
        if (cron.isEmpty() || !Settings.validCron(cron)) {
            if (!cron.isEmpty()) {
                LOG.error("No scheduled backups: schedule '{}' in etc/id.parkir.backup.cfg is not a Quartz cron expression"
                        + " (6 or 7 fields, seconds first, e.g. 0 30 2 * * ?)", cron);
            }
            registration = null;
            return;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("scheduler.expression", cron);
        props.put("scheduler.name", "parkir-backup");
        props.put("scheduler.concurrent", Boolean.FALSE);
        registration = context.registerService(Runnable.class, this, props);
        LOG.info("Backups scheduled: {}", cron);
    }

    @Deactivate
    void stop() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Override
    public void run() {
        try {
            backups.create(SCHEDULER, null, true);
        } catch (RuntimeException e) {
            // the service has logged it and recorded it for the dashboard's alert
            LOG.debug("Scheduled backup failed: {}", e.toString());
        }
    }
}
