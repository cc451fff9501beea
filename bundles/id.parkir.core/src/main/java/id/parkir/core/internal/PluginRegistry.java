package id.parkir.core.internal;

import id.parkir.api.PluginProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The installed members of one plugin family, keyed by their {@code parkir.id} service property. */
final class PluginRegistry<T> {
    record Plugin<T>(String id, String name, T service) {
    }

    private final Map<String, Plugin<T>> plugins = new ConcurrentHashMap<>();

    void add(T service, Map<String, Object> properties) {
        String id = String.valueOf(properties.getOrDefault(PluginProperties.ID, service.getClass().getName()));
        String name = String.valueOf(properties.getOrDefault(PluginProperties.NAME, id));
        plugins.put(id, new Plugin<>(id, name, service));
    }

    void remove(T service) {
        plugins.values().removeIf(p -> p.service() == service);
    }

    Optional<Plugin<T>> get(String id) {
        return Optional.ofNullable(id == null ? null : plugins.get(id));
    }

    List<Plugin<T>> all() {
        return plugins.values().stream().sorted(Comparator.comparing(Plugin::id)).toList();
    }
}
