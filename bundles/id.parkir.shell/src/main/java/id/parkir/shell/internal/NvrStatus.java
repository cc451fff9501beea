package id.parkir.shell.internal;

import id.parkir.api.nvr.CameraStatus;
import id.parkir.api.nvr.Recorder;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

@Command(scope = "nvr", name = "status", description = "What each camera's recorder is doing, and the storage's disk use")
@Service
public class NvrStatus implements Action {
    @Reference(optional = true)
    private Recorder recorder;

    @Override
    public Object execute() {
        if (Installed.missing(recorder, Installed.NVR)) {
            return null;
        }
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Camera", "State", "Uptime s", "fps", "kbit/s", "Segment", "MB today", "Reason / last error"}) {
            table.column(c);
        }
        for (CameraStatus s : recorder.status()) {
            String why = s.reason() != null ? s.reason() : s.lastError() == null ? "" : "last: " + s.lastError();
            table.addRow().addContent(s.camera(), s.state(), s.uptimeSeconds(), String.format("%.1f", s.fps()),
                    Math.round(s.bitrate() / 1000), s.currentSegment() == null ? "" : s.currentSegment(),
                    String.format("%.1f", s.bytesToday() / 1e6), why);
        }
        table.print(System.out);
        Recorder.StorageStatus d = recorder.storage();
        System.out.printf("Storage %s: recordings %.1f MB, disk free %.1f of %.1f GB%n", d.path(), d.usedByRecordings() / 1e6,
                d.freeBytes() / 1e9, d.totalBytes() / 1e9);
        return null;
    }
}
