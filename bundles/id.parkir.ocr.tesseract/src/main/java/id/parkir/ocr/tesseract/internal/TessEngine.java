package id.parkir.ocr.tesseract.internal;

import java.nio.ByteBuffer;

import com.ochafik.lang.jnaerator.runtime.NativeSize;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.ptr.PointerByReference;

import id.parkir.api.anpr.GrayImage;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessOcrEngineMode;
import net.sourceforge.tess4j.TessAPI;

/**
 * One Tesseract instance (a native {@code TessBaseAPI}), driven through Tess4J's JNA interface
 * mapping ({@code TessAPI}; the direct-mapped {@code TessAPI1} needs every function of Tesseract
 * 5.4+ and fails on 5.3.4). Not thread-safe: one caller at a time, which {@link EnginePool}
 * guarantees.
 */
final class TessEngine implements AutoCloseable {
    /** Raw text and Tesseract's mean confidence 0..100. */
    record Raw(String text, int meanConfidence) {
    }

    private final TessAPI api;
    private TessBaseAPI handle;

    TessEngine(TessAPI api, String datapath, String language, int pageSegMode, String whitelist, boolean dictionaries) {
        this.api = api;
        handle = api.TessBaseAPICreate();
        // dictionaries are init-only parameters: a plate is not an English word
        String[] names = {"load_system_dawg", "load_freq_dawg"};
        String[] values = {dictionaries ? "1" : "0", dictionaries ? "1" : "0"};
        PointerByReference varNames = new PointerByReference();
        varNames.setPointer(new StringArray(names));
        PointerByReference varValues = new PointerByReference();
        varValues.setPointer(new StringArray(values));
        int rc = api.TessBaseAPIInit4(handle, datapath, language, TessOcrEngineMode.OEM_DEFAULT, null, 0,
                varNames, varValues, new NativeSize(names.length), 0);
        if (rc != 0) {
            api.TessBaseAPIDelete(handle);
            handle = null;
            throw new IllegalStateException("Tesseract could not load language '" + language + "' from " + datapath);
        }
        api.TessBaseAPISetPageSegMode(handle, pageSegMode);
        if (whitelist != null && !whitelist.isBlank()) {
            // the space stays allowed: without it the LSTM's word confidences collapse to 0
            api.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", whitelist.strip() + " ");
        }
        api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
    }

    static String version(TessAPI api) {
        return api.TessVersion();
    }

    Raw recognise(GrayImage img) {
        if (handle == null) {
            throw new IllegalStateException("closed");
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(img.pixels().length);
        buf.put(img.pixels()).flip();
        try {
            api.TessBaseAPISetImage(handle, buf, img.width(), img.height(), 1, img.width());
            api.TessBaseAPISetSourceResolution(handle, 300);
            Pointer p = api.TessBaseAPIGetUTF8Text(handle);
            String text = "";
            if (p != null) {
                text = p.getString(0, "UTF-8");
                api.TessDeleteText(p);
            }
            int conf = api.TessBaseAPIMeanTextConf(handle);
            return new Raw(text, conf);
        } finally {
            api.TessBaseAPIClear(handle);
        }
    }

    @Override
    public void close() {
        if (handle != null) {
            api.TessBaseAPIEnd(handle);
            api.TessBaseAPIDelete(handle);
            handle = null;
        }
    }
}
