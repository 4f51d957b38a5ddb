using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Actors.Tests.Operations;

/// <summary>
/// The objects <c>kubectl kustomize</c> renders from each overlay of k8s/, read through k8s/validate/validate.mjs --json
/// (kubectl and the validator's npm packages are what .ci/run installs; nothing here parses YAML by hand).
/// </summary>
public static class RenderedManifests
{
    public static string K8sDirectory => Path.Combine(RepositoryRoot.Path, "k8s");

    /// <summary>Overlay name → its rendered objects.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonArray>> RenderAsync()
    {
        var validator = Path.Combine(K8sDirectory, "validate", "validate.mjs");
        if (!Directory.Exists(Path.Combine(K8sDirectory, "validate", "node_modules")))
        {
            throw new InvalidOperationException("Run `npm ci` in k8s/validate first (.ci/run does).");
        }

        var devSecrets = Path.Combine(K8sDirectory, "overlays", "dev", "make-secrets.sh");
        await RunAsync("bash", [devSecrets]);
        var json = await RunAsync("node", [validator, "--json"]);
        var parsed = JsonNode.Parse(json)!.AsObject();
        return parsed.ToDictionary(entry => entry.Key, entry => entry.Value!.AsArray());
    }

    private static async Task<string> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }
}
