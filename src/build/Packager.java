import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds Interleave's runtime image and installers from the top-level jlink.json: jlink (with the
 * JavaFX native libraries copied into the image and an AppCDS archive for fast start), then
 * jpackage (an app-image, then the operating system's installer types).
 *
 * <p>Run on JDK 25 as a single-file program (the dist profile does this through exec:exec):
 * <pre>
 * java src/build/Packager.java --config jlink.json --module-path MP --out target/dist
 *      --pom-version V --pom-jvm-options "OPTS" --pom-command-line-jvm-options "OPTS" [--types app-image|all]
 * </pre>
 * Exit 0 when everything asked for was built; 2 with one line naming the field when jlink.json is
 * wrong; 1 when a tool fails.
 */
public final class Packager {

    public static void main(String[] args) {
        try {
            new Packager(Args.parse(args)).run();
        } catch (ConfigException e) {
            System.err.println("jlink.json: " + e.getMessage());
            System.exit(2);
        } catch (ToolException e) {
            System.err.println("packaging failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private final Args args;

    private Packager(Args args) {
        this.args = args;
    }

    private void run() {
        Config config = Config.read(args.config, args.modulePath);
        if (!config.version.equals(args.pomVersion)) {
            throw new ConfigException("app.version is \"" + config.version + "\" but pom.xml's version is \""
                    + args.pomVersion + "\"; they must be the same");
        }
        if (args.pomJvmOptions != null && !String.join(" ", config.jvmOptions).equals(args.pomJvmOptions.strip())) {
            throw new ConfigException("jvmOptions " + config.jvmOptions + " differ from pom.xml's interleave.jvmOptions ["
                    + args.pomJvmOptions.strip() + "]; the app must run with the same options everywhere");
        }
        if (args.pomCommandLineJvmOptions != null && !String.join(" ", config.commandLineJvmOptions)
                .equals(args.pomCommandLineJvmOptions.strip())) {
            throw new ConfigException("commandLineJvmOptions " + config.commandLineJvmOptions + " differ from pom.xml's"
                    + " interleave.commandLineJvmOptions [" + args.pomCommandLineJvmOptions.strip()
                    + "]; the app must run with the same options everywhere");
        }
        Path image = args.out.resolve("image");
        Path appImageDir = args.out.resolve("app-image");
        delete(image);
        delete(appImageDir);

        long started = System.nanoTime();
        jlink(config, image);
        copyNativeLibraries(image);
        stripSymbols(image);
        archiveClasses(config, image);
        say("runtime image %s (%d MB) in %.1f s", image, size(image) / 1_000_000, (System.nanoTime() - started) / 1e9);

        started = System.nanoTime();
        Path appImage = appImage(config, image, appImageDir);
        say("app-image %s (%d MB) in %.1f s", appImage, size(appImage) / 1_000_000, (System.nanoTime() - started) / 1e9);

        if (args.installers) {
            for (String type : config.osTypes) {
                installer(config, appImage, type);
            }
        }
    }

    // ---- jlink ----

    private void jlink(Config config, Path image) {
        List<String> jlink = new ArrayList<>(List.of(
                "--module-path", args.modulePath,
                "--add-modules", String.join(",", config.addModules),
                "--launcher", config.launcher + "=" + config.mainModule + "/" + config.mainClass,
                "--add-options", String.join(" ", config.jvmOptions),
                "--output", image.toString()));
        jlink.addAll(config.jlinkOptions);
        tool("jlink", jlink);
    }

    /**
     * JavaFX's jars carry their native libraries as resources and unpack them under the user's home
     * at first start unless java.home/lib already has them: copy them there.
     */
    private void copyNativeLibraries(Path image) {
        for (String entry : args.modulePath.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!Files.isRegularFile(jar) || !jar.getFileName().toString().startsWith("javafx-")) {
                continue;
            }
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry e : zip.stream().toList()) {
                    String name = e.getName();
                    if (!name.contains("/") && (name.endsWith(".so") || name.endsWith(".dll")
                            || name.endsWith(".dylib"))) {
                        try (InputStream in = zip.getInputStream(e)) {
                            Files.copy(in, image.resolve("lib").resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * jlink's --strip-native-debug-symbols removes debug sections but keeps the symbol tables; on
     * Linux, with binutils' strip on the PATH, drop those too (libjvm.so: 30 MB to 25 MB). The
     * dynamic symbols the JVM and JavaFX link against stay.
     */
    private void stripSymbols(Path image) {
        if (!isLinux() || !onPath("strip")) {
            say("not stripping native symbols: %s", isLinux() ? "no strip on the PATH (apt-get install binutils)"
                    : "only done on Linux");
            return;
        }
        try (Stream<Path> all = Files.walk(image.resolve("lib"))) {
            List<String> command = new ArrayList<>(List.of("strip", "--strip-unneeded"));
            all.filter(p -> p.getFileName().toString().endsWith(".so")).forEach(p -> command.add(p.toString()));
            run(command, "stripping native symbols");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An AOT cache (JEP 483/514/515: the classes the app loads, already parsed and linked, and the
     * profiles of the methods it ran): start the image once, the window on JavaFX's headless
     * platform doing what a first session does ({@code --train}: the first frame, a free buffer run,
     * the 1,000,000 calls, a few seconds each), and record; the launchers then map the
     * cache at start. One file replaces the JDK's default CDS archive. Trained on the first frame
     * alone, a free 8/8 buffer run's first frames were slower: the code they run started in the
     * interpreter.
     *
     * <p>The training run uses G1 when the app's collector is Shenandoah (or Serial, Parallel): on
     * JDK 25 only G1 writes heap objects into the cache (the resolved lambdas and method handles
     * among them), and those collectors load them; recorded under their own collector, the cache
     * has none, and every lambda of the start is spun again. A ZGC app records under ZGC (it
     * cannot use a cache made with compressed pointers, and loads no heap objects).
     */
    private void archiveClasses(Config config, Path image) {
        Path archive = image.resolve("lib").resolve(config.launcher + ".aot");
        Path java = image.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        List<String> record = new ArrayList<>(List.of(java.toString()));
        record.addAll(trainingCollector(config.jvmOptions));
        record.addAll(List.of("-XX:AOTCacheOutput=" + archive, "-Dglass.platform=Headless",
                "-m", config.mainModule + "/" + config.mainClass, "--train"));
        run(record, "recording the AOT cache");
        if (!Files.isRegularFile(archive)) {
            throw new ToolException("no AOT cache was written to " + archive);
        }
        Path launcher = image.resolve("bin").resolve(config.launcher);
        if (Files.isRegularFile(launcher) && !isWindows()) {
            try {
                String script = Files.readString(launcher);
                // The window maps the AOT cache; a command (a first argument that is a word: calls,
                // buffer, ...) runs with commandLineJvmOptions instead (another collector, which
                // could not use the window's cache).
                String patched = script.replace("JLINK_VM_OPTIONS=\n",
                        "JLINK_VM_OPTIONS=\"-XX:AOTCache=`dirname $0`/../lib/" + config.launcher + ".aot\"\n"
                        + "case \"$1\" in [!-]*) JLINK_VM_OPTIONS=\"" + String.join(" ", config.commandLineJvmOptions)
                        + "\" ;; esac\n");
                if (patched.equals(script)) {
                    throw new ToolException("the jlink launcher has no JLINK_VM_OPTIONS line to add the AOT cache to");
                }
                Files.writeString(launcher, patched);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The options that switch the training run to G1 from the app's collector, when that one loads G1's heap objects. */
    static List<String> trainingCollector(List<String> jvmOptions) {
        for (String option : jvmOptions) {
            java.util.regex.Matcher collector = java.util.regex.Pattern.compile("-XX:\\+Use(Shenandoah|Serial|Parallel)GC")
                    .matcher(option);
            if (collector.matches()) {
                return List.of("-XX:-Use" + collector.group(1) + "GC", "-XX:+UseG1GC");
            }
        }
        return List.of();
    }

    // ---- jpackage ----

    private Path appImage(Config config, Path image, Path dest) {
        List<String> jpackage = new ArrayList<>(List.of(
                "--type", "app-image",
                "--name", config.launcher,
                "--runtime-image", image.toString(),
                "--module", config.mainModule + "/" + config.mainClass,
                "--app-version", config.version,
                "--vendor", config.vendor,
                "--description", config.description,
                "--copyright", config.copyright,
                "--dest", dest.toString()));
        if (config.osIcon != null) {
            jpackage.addAll(List.of("--icon", config.osIcon));
        }
        // The runtime image's own options (jlink --add-options) apply; add the AOT cache.
        jpackage.addAll(List.of("--java-options", "-XX:AOTCache=$APPDIR/../runtime/lib/" + config.launcher + ".aot"));
        tool("jpackage", jpackage);
        try (Stream<Path> children = Files.list(dest)) {
            return children.findFirst().orElseThrow(() -> new ToolException("jpackage wrote no app-image"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void installer(Config config, Path appImage, String type) {
        String missing = missingPrerequisite(type);
        if (missing != null) {
            say("skipping %s: %s", type, missing);
            return;
        }
        long started = System.nanoTime();
        List<String> jpackage = new ArrayList<>(List.of(
                "--type", type,
                "--name", config.launcher,
                "--app-image", appImage.toString(),
                "--app-version", config.version,
                "--vendor", config.vendor,
                "--description", config.description,
                "--copyright", config.copyright,
                "--dest", args.out.resolve("installers").toString()));
        if (config.osIcon != null && isLinux()) {
            jpackage.addAll(List.of("--icon", config.osIcon));
        }
        if (isLinux()) {
            jpackage.addAll(List.of("--linux-menu-group", config.menuGroup));
            if (config.shortcut) {
                jpackage.add("--linux-shortcut");
            }
        } else if (isWindows() && config.shortcut) {
            jpackage.add("--win-shortcut");
        }
        jpackage.addAll(config.osOptions);
        tool("jpackage", jpackage);
        say("%s installer in %s in %.0f s", type, args.out.resolve("installers"), (System.nanoTime() - started) / 1e9);
    }

    private static String missingPrerequisite(String type) {
        return switch (type) {
            case "deb" -> onPath("dpkg-deb") && onPath("fakeroot") ? null
                    : "needs dpkg-deb and fakeroot (apt-get install fakeroot)";
            case "rpm" -> onPath("rpmbuild") ? null : "needs rpmbuild (apt-get install rpm)";
            default -> null;
        };
    }

    // ---- plumbing ----

    private static void tool(String name, List<String> arguments) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new ToolException(name + " is not in this JDK (run the build on JDK 25)"));
        PrintWriter out = new PrintWriter(System.out, true);
        int code = tool.run(out, new PrintWriter(System.err, true), arguments.toArray(String[]::new));
        if (code != 0) {
            throw new ToolException(name + " exited with " + code + ": " + String.join(" ", arguments));
        }
    }

    private static void run(List<String> command, String what) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ToolException(what + " did not end in 10 minutes: " + String.join(" ", command));
            }
            int code = process.exitValue();
            if (code != 0) {
                throw new ToolException(what + " failed with exit code " + code + ": " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new ToolException(what + " could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException(what + " was interrupted");
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void say(String format, Object... values) {
        System.out.println("[packager] " + String.format(Locale.ROOT, format, values));
    }

    static boolean isLinux() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
    }

    static boolean isWindows() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("windows");
    }

    static boolean isMac() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac");
    }

    // ---- arguments ----

    private record Args(Path config, String modulePath, Path out, String pomVersion, String pomJvmOptions,
                        String pomCommandLineJvmOptions, boolean installers) {
        static Args parse(String[] args) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                named.put(args[i], args[i + 1]);
            }
            for (String required : List.of("--config", "--module-path", "--out", "--pom-version")) {
                if (!named.containsKey(required)) {
                    throw new ToolException("missing " + required + "; usage: java src/build/Packager.java --config"
                            + " jlink.json --module-path MP --out DIR --pom-version V [--pom-jvm-options O] [--pom-command-line-jvm-options O] [--types app-image|all]");
                }
            }
            String types = named.getOrDefault("--types", "all");
            if (!types.equals("all") && !types.equals("app-image")) {
                throw new ToolException("--types is " + types + "; allowed: all, app-image");
            }
            return new Args(Path.of(named.get("--config")), named.get("--module-path"), Path.of(named.get("--out")),
                    named.get("--pom-version"), named.get("--pom-jvm-options"),
                    named.get("--pom-command-line-jvm-options"), types.equals("all"));
        }
    }

    // ---- jlink.json ----

    /** jlink.json, checked field by field. */
    private record Config(String name, String version, String vendor, String description, String copyright,
                          String mainModule, String mainClass, String launcher, List<String> jvmOptions,
                          List<String> commandLineJvmOptions, List<String> addModules, List<String> jlinkOptions, String osIcon, String menuGroup,
                          boolean shortcut, List<String> osTypes, List<String> osOptions) {

        static Config read(Path file, String modulePath) {
            Object root;
            try {
                root = new Json(Files.readString(file)).parse();
            } catch (IOException e) {
                throw new ConfigException("cannot read " + file + ": " + e.getMessage());
            }
            Map<String, Object> json = object(root, "(top level)");
            Map<String, Object> app = object(field(json, "", "app"), "app");
            Map<String, Object> jlink = object(field(json, "", "jlink"), "jlink");
            Map<String, Object> jpackage = object(field(json, "", "jpackage"), "jpackage");
            String os = isWindows() ? "windows" : isMac() ? "mac" : "linux";
            for (String each : List.of("linux", "windows", "mac")) {
                Map<String, Object> section = object(field(jpackage, "jpackage.", each), "jpackage." + each);
                strings(field(section, "jpackage." + each + ".", "types"), "jpackage." + each + ".types");
                strings(field(section, "jpackage." + each + ".", "options"), "jpackage." + each + ".options");
            }
            Map<String, Object> osSection = object(jpackage.get(os), "jpackage." + os);
            String icon = string(field(jpackage, "jpackage.", "icon"), "jpackage.icon");
            if (!Files.isRegularFile(Path.of(icon))) {
                throw new ConfigException("jpackage.icon: no file " + icon);
            }
            Config config = new Config(
                    string(field(app, "app.", "name"), "app.name"),
                    string(field(app, "app.", "version"), "app.version"),
                    string(field(app, "app.", "vendor"), "app.vendor"),
                    string(field(app, "app.", "description"), "app.description"),
                    string(field(app, "app.", "copyright"), "app.copyright"),
                    string(field(app, "app.", "mainModule"), "app.mainModule"),
                    string(field(app, "app.", "mainClass"), "app.mainClass"),
                    string(field(app, "app.", "launcher"), "app.launcher"),
                    strings(field(json, "", "jvmOptions"), "jvmOptions"),
                    strings(field(json, "", "commandLineJvmOptions"), "commandLineJvmOptions"),
                    strings(field(jlink, "jlink.", "addModules"), "jlink.addModules"),
                    strings(field(jlink, "jlink.", "options"), "jlink.options"),
                    os.equals("linux") ? icon : (String) osSection.get("icon"),
                    string(field(jpackage, "jpackage.", "menuGroup"), "jpackage.menuGroup"),
                    bool(field(jpackage, "jpackage.", "shortcut"), "jpackage.shortcut"),
                    strings(osSection.get("types"), "jpackage." + os + ".types"),
                    strings(osSection.get("options"), "jpackage." + os + ".options"));
            ModuleFinder finder = ModuleFinder.compose(ModuleFinder.ofSystem(),
                    ModuleFinder.of(Arrays.stream(modulePath.split(java.io.File.pathSeparator)).map(Path::of)
                            .toArray(Path[]::new)));
            for (String module : config.addModules) {
                if (finder.find(module).isEmpty()) {
                    throw new ConfigException("jlink.addModules: unknown module '" + module
                            + "' (not in the JDK nor on the module path)");
                }
            }
            if (!config.addModules.contains(config.mainModule)) {
                throw new ConfigException("jlink.addModules must include app.mainModule '" + config.mainModule + "'");
            }
            if (!config.launcher.matches("[A-Za-z0-9._-]+")) {
                throw new ConfigException("app.launcher: '" + config.launcher + "' is not a file name");
            }
            return config;
        }

        private static Object field(Map<String, Object> object, String path, String name) {
            if (!object.containsKey(name)) {
                throw new ConfigException("missing field " + path + name);
            }
            return object.get(name);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> object(Object value, String path) {
            if (!(value instanceof Map)) {
                throw new ConfigException(path + ": expected an object, found " + kind(value));
            }
            return (Map<String, Object>) value;
        }

        private static String string(Object value, String path) {
            if (!(value instanceof String text) || text.isBlank()) {
                throw new ConfigException(path + ": expected a non-empty string, found " + kind(value));
            }
            return text;
        }

        private static boolean bool(Object value, String path) {
            if (!(value instanceof Boolean flag)) {
                throw new ConfigException(path + ": expected true or false, found " + kind(value));
            }
            return flag;
        }

        private static List<String> strings(Object value, String path) {
            if (!(value instanceof List<?> list)) {
                throw new ConfigException(path + ": expected an array of strings, found " + kind(value));
            }
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String text)) {
                    throw new ConfigException(path + ": expected an array of strings, found an element that is "
                            + kind(item));
                }
                out.add(text);
            }
            return List.copyOf(out);
        }

        private static String kind(Object value) {
            return value == null ? "null" : value instanceof String ? "a string" : value instanceof Boolean
                    ? "a boolean" : value instanceof Number ? "a number" : value instanceof List ? "an array"
                    : "an object";
        }
    }

    /** A small strict JSON reader: objects, arrays, strings, numbers, true, false, null. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object parse() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw error("unexpected text after the end");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek('}')) {
                at++;
                return map;
            }
            while (true) {
                space();
                if (!peek('"')) {
                    throw error("expected a field name");
                }
                String key = string();
                space();
                expect(':');
                if (map.put(key, value()) != null) {
                    throw error("field " + key + " appears twice");
                }
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek(']')) {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            throw error("unterminated string");
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw error("unexpected character '" + text.charAt(at) + "'");
            }
            return Double.parseDouble(text.substring(start, at));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected character '" + text.charAt(at) + "'");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private ConfigException error(String what) {
            int line = 1;
            for (int i = 0; i < Math.min(at, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return new ConfigException("not valid JSON at line " + line + ": " + what);
        }
    }

    private static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message);
        }
    }

    private static final class ToolException extends RuntimeException {
        ToolException(String message) {
            super(message);
        }
    }
}
