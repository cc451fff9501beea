package id.parkir.nvr.internal;

import id.parkir.api.ParkirData;
import id.parkir.api.ParkirException;
import id.parkir.api.PluginProperties;
import id.parkir.api.nvr.CameraDriver;
import id.parkir.api.nvr.CameraService;
import id.parkir.api.nvr.CameraStatus;
import id.parkir.api.nvr.CameraView;
import id.parkir.api.nvr.Recorder;
import id.parkir.api.nvr.Segment;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder: one {@link CameraSupervisor} per recording camera, the segments on disk, and
 * retention by age and by space. Which cameras record (and until when) is kept in
 * {@code ${parkir.data}/nvr/recording.properties}, so recording resumes after a restart or a crash.
 */
@Component(configurationPid = "id.parkir.nvr", property = PluginProperties.ID + "=nvr")
@Designate(ocd = NvrConfig.class)
public class NvrRecorder implements Recorder {
    private static final Logger LOG = LoggerFactory.getLogger(NvrRecorder.class);

    @Reference
    private CameraService cameras;

    private final List<CameraDriver> drivers = new CopyOnWriteArrayList<>();
    private final Map<String, CameraSupervisor> supervisors = new LinkedHashMap<>();
    private NvrConfig config;
    private SegmentFiles files;
    private CameraSupervisor.Settings settings;
    private PropertiesFile stateFile;
    private ScheduledExecutorService housekeeping;
    /** Why the recorder is idle (its configuration is invalid), or null. */
    private volatile String misconfigured;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindDriver(CameraDriver driver) {
        drivers.add(driver);
    }

    void unbindDriver(CameraDriver driver) {
        drivers.remove(driver);
    }

    @Activate
    void activate(NvrConfig config) throws IOException {
        try {
            check(config);
        } catch (IllegalArgumentException e) {
            // present but idle: the API and the shell say what to fix instead of "not installed"
            misconfigured = "invalid configuration: " + e.getMessage();
            LOG.error("NVR not recording: {}", misconfigured);
            return;
        }
        misconfigured = null;
        this.config = config;
        ZoneId zone = ZoneId.of(config.timeZone());
        Path storage = config.storage().isBlank() ? ParkirData.folder().resolve("recordings") : Paths.get(config.storage());
        Files.createDirectories(storage);
        this.files = new SegmentFiles(storage.toAbsolutePath(), zone);
        this.settings = new CameraSupervisor.Settings(files.storage(), config.segmentSeconds(), zone,
                Duration.ofSeconds(config.stallSeconds()), Duration.ofSeconds(config.retryMaxSeconds()));
        this.stateFile = new PropertiesFile(ParkirData.folder().resolve("nvr/recording.properties"),
                "cameras that record (camera = stop time in epoch ms, 0 = until stopped)");
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nvr-retention");
            t.setDaemon(true);
            return t;
        });
        housekeeping.scheduleWithFixedDelay(this::cleanupQuietly, 1, config.retentionCheckMinutes(), TimeUnit.MINUTES);
        resume();
    }

    /** Settings checked up front, with what to change. */
    static void check(NvrConfig c) {
        List<String> wrong = new ArrayList<>();
        if (c.segmentSeconds() < 10 || c.segmentSeconds() > 3600) {
            wrong.add("segmentSeconds must be 10-3600, not " + c.segmentSeconds());
        }
        if (c.retentionDays() < 0) {
            wrong.add("retentionDays must be 0 (no age limit) or more, not " + c.retentionDays());
        }
        if (c.minFreeDiskPercent() < 0 || c.minFreeDiskPercent() > 90) {
            wrong.add("minFreeDiskPercent must be 0-90, not " + c.minFreeDiskPercent());
        }
        if (c.maxStorageGb() < 0) {
            wrong.add("maxStorageGb must be 0 (no limit) or more, not " + c.maxStorageGb());
        }
        if (c.retentionCheckMinutes() < 1 || c.stallSeconds() < 3 || c.retryMaxSeconds() < 1) {
            wrong.add("retentionCheckMinutes must be at least 1, stallSeconds at least 3, retryMaxSeconds at least 1");
        }
        if (c.maxPlaybacks() < 1 || c.maxPlaybacks() > 64 || c.maxPlaybackMinutes() < 1 || c.maxPlaybackMinutes() > 240) {
            wrong.add("maxPlaybacks must be 1-64 and maxPlaybackMinutes 1-240");
        }
        try {
            ZoneId.of(c.timeZone());
        } catch (RuntimeException e) {
            wrong.add("timeZone '" + c.timeZone() + "' is not a time zone (e.g. Asia/Jakarta)");
        }
        if (!c.storage().isBlank() && !Paths.get(c.storage()).isAbsolute()) {
            wrong.add("storage must be an absolute path, not '" + c.storage() + "'");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("etc/id.parkir.nvr.cfg: " + String.join("; ", wrong));
        }
    }

    /** 503 nvr_misconfigured, with what to fix, while etc/id.parkir.nvr.cfg is invalid. */
    private void requireConfigured() {
        String problem = misconfigured;
        if (problem != null) {
            throw ParkirException.unavailable("nvr_misconfigured", problem);
        }
    }

    @Deactivate
    void deactivate() {
        if (housekeeping == null) {
            return;
        }
        housekeeping.shutdownNow();
        List<CameraSupervisor> all;
        synchronized (supervisors) {
            all = new ArrayList<>(supervisors.values());
            supervisors.clear();
        }
        // stopping the bundle is not the admin's "stop": the state file keeps them for the next start
        all.parallelStream().forEach(CameraSupervisor::stop);
    }

    private void resume() {
        Properties wanted = loadState();
        for (String camera : wanted.stringPropertyNames()) {
            long stopAt = Long.parseLong(wanted.getProperty(camera, "0"));
            if (stopAt != 0 && stopAt <= System.currentTimeMillis()) {
                continue;
            }
            try {
                cameras.get(camera);
                launch(camera, stopAt == 0 ? null : Instant.ofEpochMilli(stopAt));
                LOG.info("Recording of camera {} resumed", camera);
            } catch (ParkirException gone) {
                LOG.warn("Camera {} was recording but no longer exists", camera);
            }
        }
    }

    @Override
    public List<String> start(String camera, long totalSeconds) {
        requireConfigured();
        if (totalSeconds < 0) {
            throw ParkirException.invalid("total_seconds_invalid", "totalSeconds must be 0 (record until stopped) or more");
        }
        List<String> ids = camera == null ? cameras.list().stream().map(CameraView::id).toList() : List.of(cameras.get(camera).id());
        Instant stopsAt = totalSeconds == 0 ? null : Instant.now().plusSeconds(totalSeconds);
        for (String id : ids) {
            launch(id, stopsAt);
        }
        saveState();
        return ids;
    }

    private void launch(String camera, Instant stopsAt) {
        CameraSupervisor old;
        CameraSupervisor fresh = new CameraSupervisor(camera, () -> cameras.streamUrl(camera), this::driverFor, settings, stopsAt);
        synchronized (supervisors) {
            old = supervisors.put(camera, fresh);
        }
        if (old != null) {
            old.stop();
        }
        fresh.start();
    }

    private CameraDriver driverFor(String url) {
        return drivers.stream().filter(d -> d.handles(url)).findFirst().orElse(null);
    }

    @Override
    public List<String> stop(String camera) {
        requireConfigured();
        List<CameraSupervisor> stopping = new ArrayList<>();
        synchronized (supervisors) {
            if (camera == null) {
                stopping.addAll(supervisors.values());
                supervisors.clear();
            } else {
                CameraSupervisor s = supervisors.remove(camera);
                if (s != null) {
                    stopping.add(s);
                }
            }
        }
        saveState();
        stopping.parallelStream().forEach(CameraSupervisor::stop);
        return stopping.stream().map(CameraSupervisor::camera).toList();
    }

    @Override
    public List<CameraStatus> status() {
        requireConfigured();
        List<SegmentFiles.Entry> all = files.all(null);
        String today = LocalDate.now(settings.zone()).toString();
        List<CameraStatus> result = new ArrayList<>();
        for (CameraView c : cameras.list()) {
            CameraSupervisor s;
            synchronized (supervisors) {
                s = supervisors.get(c.id());
            }
            List<SegmentFiles.Entry> mine = all.stream().filter(e -> e.camera().equals(c.id())).toList();
            long bytesToday = mine.stream().filter(e -> e.id().startsWith(today)).mapToLong(SegmentFiles.Entry::bytes).sum();
            String current = s != null && s.writing() && !mine.isEmpty() ? mine.get(mine.size() - 1).id() : null;
            result.add(s == null
                    ? new CameraStatus(c.id(), c.name(), "stopped", null, null, 0, 0, 0, null, bytesToday, null, null, null)
                    : s.status(c.name(), current, bytesToday));
        }
        return result;
    }

    @Override
    public StorageStatus storage() {
        requireConfigured();
        long used = files.all(null).stream().mapToLong(SegmentFiles.Entry::bytes).sum();
        long[] disk = disk();
        return new StorageStatus(files.storage().toString(), disk[0], disk[1], used);
    }

    /** Total and usable bytes of the storage's file system (zeros when it cannot be asked). */
    private long[] disk() {
        try {
            FileStore store = Files.getFileStore(files.storage());
            return new long[] {store.getTotalSpace(), store.getUsableSpace()};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    @Override
    public List<Segment> segments(String camera, Instant from, Instant to) {
        requireConfigured();
        if (camera != null) {
            cameras.get(camera);
        }
        List<SegmentFiles.Entry> entries = files.all(camera);
        Set<String> writing = writingNow(entries);
        List<Segment> result = new ArrayList<>();
        for (SegmentFiles.Entry e : entries) {
            Segment s = SegmentFiles.segment(e, writing.contains(e.id()));
            if ((to == null || s.start().isBefore(to)) && (from == null || s.end().isAfter(from))) {
                result.add(s);
            }
        }
        return result;
    }

    @Override
    public Optional<Segment> segmentAt(String camera, Instant time) {
        requireConfigured();
        cameras.get(camera);
        return segments(camera, time, time.plusMillis(1)).stream().reduce((a, b) -> b);
    }

    @Override
    public Optional<Path> file(String segmentId) {
        requireConfigured();
        return files.file(segmentId);
    }

    /** The newest segment of each camera whose recorder is writing now. */
    private Set<String> writingNow(List<SegmentFiles.Entry> entries) {
        return newestOf(entries, CameraSupervisor::writing);
    }

    private Set<String> newestOf(List<SegmentFiles.Entry> entries, java.util.function.Predicate<CameraSupervisor> which) {
        Set<String> cams = new HashSet<>();
        synchronized (supervisors) {
            supervisors.values().stream().filter(which).forEach(s -> cams.add(s.camera()));
        }
        Map<String, String> newest = new LinkedHashMap<>();
        for (SegmentFiles.Entry e : entries) {
            if (cams.contains(e.camera())) {
                newest.put(e.camera(), e.id());
            }
        }
        return new HashSet<>(newest.values());
    }

    @Override
    public synchronized CleanupResult cleanup() {
        requireConfigured();
        List<SegmentFiles.Entry> all = files.all(null);
        List<SegmentFiles.Entry> entries = new ArrayList<>(all);
        // never what may still be written: the newest file of every camera meant to record, and any
        // file touched lately (a segment that began between two listings)
        Set<String> keep = newestOf(entries, CameraSupervisor::wanted);
        Instant recent = Instant.now().minus(settings.stall().multipliedBy(2));
        entries.removeIf(e -> keep.contains(e.id()) || e.modified().isAfter(recent));
        int deleted = 0;
        long bytes = 0;
        if (config.retentionDays() > 0) {
            Instant limit = Instant.now().minus(Duration.ofDays(config.retentionDays()));
            for (SegmentFiles.Entry e : List.copyOf(entries)) {
                if (e.start().isBefore(limit) && delete(e)) {
                    entries.remove(e);
                    deleted++;
                    bytes += e.bytes();
                }
            }
        }
        long used = all.stream().mapToLong(SegmentFiles.Entry::bytes).sum() - bytes;
        while (!entries.isEmpty() && overLimit(used)) {
            SegmentFiles.Entry oldest = entries.remove(0);
            if (delete(oldest)) {
                deleted++;
                bytes += oldest.bytes();
                used -= oldest.bytes();
            }
        }
        removeEmptyFolders();
        if (deleted > 0) {
            LOG.info("Retention deleted {} segments ({} bytes)", deleted, bytes);
        }
        return new CleanupResult(deleted, bytes, disk()[1]);
    }

    private boolean overLimit(long used) {
        if (config.maxStorageGb() > 0 && used > config.maxStorageGb() * 1e9) {
            return true;
        }
        if (config.minFreeDiskPercent() > 0) {
            // the file system only: walking the recordings again for every deleted segment would be quadratic
            long[] disk = disk();
            return disk[0] > 0 && disk[1] * 100.0 / disk[0] < config.minFreeDiskPercent();
        }
        return false;
    }

    private static boolean delete(SegmentFiles.Entry e) {
        try {
            return Files.deleteIfExists(e.file());
        } catch (IOException ex) {
            LOG.warn("Cannot delete segment {}: {}", e.file(), ex.getMessage());
            return false;
        }
    }

    /** Date and camera folders left empty by retention, except today's and tomorrow's. */
    private void removeEmptyFolders() {
        LocalDate today = LocalDate.now(settings.zone());
        try (var dates = Files.list(files.storage())) {
            for (Path date : dates.toList()) {
                String name = date.getFileName().toString();
                if (!name.matches("\\d{4}-\\d{2}-\\d{2}") || name.compareTo(today.toString()) >= 0) {
                    continue;
                }
                try (var cams = Files.list(date)) {
                    for (Path cam : cams.toList()) {
                        try (var f = Files.list(cam)) {
                            if (f.findAny().isEmpty()) {
                                Files.deleteIfExists(cam);
                            }
                        }
                    }
                }
                try (var left = Files.list(date)) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(date);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("Folder clean-up stopped: {}", e.getMessage());
        }
    }

    private void cleanupQuietly() {
        try {
            cleanup();
        } catch (RuntimeException e) {
            LOG.warn("Retention check failed", e);
        }
    }

    private Properties loadState() {
        try {
            return stateFile.load();
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", stateFile.path(), e.getMessage());
            return new Properties();
        }
    }

    /** Written under the lock of the map, so two concurrent start/stop calls cannot leave the older list on disk. */
    private void saveState() {
        synchronized (supervisors) {
            Properties p = new Properties();
            for (CameraSupervisor s : supervisors.values()) {
                p.setProperty(s.camera(), Long.toString(s.stopsAt() == null ? 0 : s.stopsAt().toEpochMilli()));
            }
            try {
                stateFile.save(p);
            } catch (IOException e) {
                LOG.warn("Cannot write {}: {}", stateFile.path(), e.getMessage());
            }
        }
    }
}
