using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Actors.Tests.Operations;

/// <summary>
/// Every setting the Kubernetes manifests give our hosts is one the code reads: a renamed option or a typo in a
/// manifest fails here instead of being silently ignored in a cluster.
/// </summary>
public sealed class ManifestSettingsTests
{
    // Read by the framework or by Orleans' Kubernetes hosting package, not by our code; each with where.
    private static readonly Dictionary<string, string> FrameworkSettings = new(StringComparer.Ordinal)
    {
        ["ASPNETCORE_ENVIRONMENT"] = "ASP.NET Core: the environment name",
        ["Urls"] = "ASP.NET Core: the listening addresses",
        ["HostOptions__ShutdownTimeout"] = "Microsoft.Extensions.Hosting: the graceful shutdown time",
        ["POD_NAME"] = "Microsoft.Orleans.Hosting.Kubernetes",
        ["POD_NAMESPACE"] = "Microsoft.Orleans.Hosting.Kubernetes",
        ["POD_IP"] = "Microsoft.Orleans.Hosting.Kubernetes",
    };

    [Fact]
    public async Task Every_setting_the_manifests_give_our_hosts_is_read_by_the_code()
    {
        var rendered = await RenderedManifests.RenderAsync();
        Assert.Equal(["dev", "podman", "prod"], rendered.Keys.Order(StringComparer.Ordinal));
        var source = SourceText();

        var unknown = new List<string>();
        var seen = 0;
        foreach (var (overlay, objects) in rendered)
        {
            foreach (var key in SettingsOfOurContainers(objects))
            {
                seen++;
                if (!FrameworkSettings.ContainsKey(key) && !IsReadByCode(key, source))
                {
                    unknown.Add($"{overlay}: {key}");
                }
            }
        }

        Assert.True(seen > 20, $"only {seen} settings found: is the rendering read correctly?");
        Assert.Empty(unknown.Distinct());
    }

    [Fact]
    public void The_check_refuses_a_setting_the_code_does_not_read()
    {
        var source = SourceText();
        Assert.True(IsReadByCode("Pathway__Automatic", source));
        Assert.True(IsReadByCode("Documents__SigningKeys__0__PrivateKeyFile", source));
        Assert.True(IsReadByCode("ConnectionStrings__Postgres", source));
        Assert.False(IsReadByCode("Pathway__Automatc", source));
        Assert.False(IsReadByCode("Documents__SigningKeys__0__PrivateKeyPath", source));
        Assert.False(IsReadByCode("ConnectionStrings__Postgre", source));
    }

    [Fact]
    public void The_silo_host_references_the_package_that_reads_the_pod_variables() =>
        Assert.Contains("Microsoft.Orleans.Hosting.Kubernetes", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "silo", "Actors.Silo.csproj")), StringComparison.Ordinal);

    /// <summary>Environment variables and envFrom ConfigMap keys of every container that runs one of our images.</summary>
    private static IEnumerable<string> SettingsOfOurContainers(JsonArray objects)
    {
        var configMaps = objects.OfType<JsonObject>()
            .Where(o => (string?)o["kind"] == "ConfigMap")
            .ToDictionary(o => (string)o["metadata"]!["name"]!, o => o["data"] as JsonObject);
        foreach (var workload in objects.OfType<JsonObject>().Where(o => (string?)o["kind"] is "Deployment" or "Job" or "StatefulSet"))
        {
            var pod = workload["spec"]!["template"]!["spec"]!;
            var containers = (pod["containers"]?.AsArray() ?? []).Concat(pod["initContainers"]?.AsArray() ?? []).OfType<JsonObject>();
            foreach (var container in containers.Where(c => ((string?)c["image"] ?? "").Contains("actors", StringComparison.Ordinal)))
            {
                foreach (var env in container["env"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    yield return (string)env["name"]!;
                }

                foreach (var from in container["envFrom"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    var name = (string?)from["configMapRef"]?["name"];
                    Assert.True(name is not null && configMaps.ContainsKey(name), $"envFrom refers to a ConfigMap that is not rendered: {from.ToJsonString()}");
                    foreach (var (key, _) in configMaps[name!] ?? [])
                    {
                        yield return key;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A key "A__B__C" is read when the code names "A:B:C" whole, or names a section "A" / "A:B" as a string and
    /// declares the rest as properties of its options (numeric segments are list indexes). Plain names (ORLEANS_CLUSTER_ID)
    /// must appear as a string. ConnectionStrings__X is GetConnectionString("X").
    /// </summary>
    private static bool IsReadByCode(string key, string source)
    {
        var segments = key.Split("__").Where(s => !s.All(char.IsAsciiDigit)).ToArray();
        if (segments.Length == 1)
        {
            return source.Contains($"\"{key}\"", StringComparison.Ordinal);
        }

        if (segments is ["ConnectionStrings", var name])
        {
            return Regex.IsMatch(source, $"ConnectionStringName = \"{Regex.Escape(name)}\"|GetConnectionString\\(\"{Regex.Escape(name)}\"\\)");
        }

        if (source.Contains($"\"{string.Join(':', segments)}\"", StringComparison.Ordinal))
        {
            return true;
        }

        for (var split = segments.Length - 1; split >= 1; split--)
        {
            var section = string.Join(':', segments[..split]);
            if (!source.Contains($"\"{section}\"", StringComparison.Ordinal))
            {
                continue;
            }

            if (segments[split..].All(property => Regex.IsMatch(source, $@"\bpublic\s+[\w<>\[\]?,. ]+\s+{Regex.Escape(property)}\s*\{{")))
            {
                return true;
            }
        }

        return false;
    }

    private static string SourceText()
    {
        var roots = new[] { "api", "grains", "silo" }.Select(folder => Path.Combine(RepositoryRoot.Path, folder));
        var files = roots.SelectMany(root => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return string.Join('\n', files.Select(File.ReadAllText));
    }
}
