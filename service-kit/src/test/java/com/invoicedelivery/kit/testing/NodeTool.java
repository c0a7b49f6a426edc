package com.invoicedelivery.kit.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An npm tool the contract tests drive (Spectral, the AsyncAPI CLI, openapi-typescript, tsc), at the version
 * {@code .ci/tools/package-lock.json} pins: .ci/run installs them with {@code npm ci --prefix .ci/tools}. Where the
 * tools are not installed the calling test is skipped, except on CI ({@code CI=true}), where it fails, so CI never
 * passes without having checked.
 */
public final class NodeTool {

    public record Result(int exitCode, String output) {
    }

    private final Path executable;

    private NodeTool(Path executable) {
        this.executable = executable;
    }

    /** The tool's executable in {@code .ci/tools/node_modules/.bin}, found from any module's working directory. */
    public static NodeTool require(String name) {
        Path bin = repositoryRoot().resolve(".ci/tools/node_modules/.bin").resolve(name);
        boolean installed = Files.isExecutable(bin);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(bin + " is missing on CI (.ci/run installs it with npm ci --prefix .ci/tools)");
        }
        assumeTrue(installed, name + " (npm ci --prefix .ci/tools)");
        return new NodeTool(bin);
    }

    /** Runs the tool with the arguments in the directory; output and errors together, bounded to 180 seconds. */
    public Result run(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
        return run(workingDirectory, Map.of(), arguments);
    }

    /**
     * Runs the tool as {@link #run(Path, String...)} does, with {@code environment} added to this process's own
     * (e.g. to point a tool at a settings file that turns its usage reporting off: tests make no network calls).
     */
    public Result run(Path workingDirectory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 180 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The checkout's root: the nearest directory above the working directory that holds {@code .ci/tools}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve(".ci/tools"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no .ci/tools above " + dir);
    }
}
