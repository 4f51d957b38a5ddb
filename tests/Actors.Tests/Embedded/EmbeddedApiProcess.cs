using System.Globalization;

namespace Actors.Tests.Embedded;

/// <summary>
/// The API as a developer starts it (<c>dotnet run --project api</c>: embedded, Development, no
/// PostgreSQL and no Orleans ports configured) in its own process, on Kestrel on a free port.
/// Ready once it serves the demo centers; fails loudly otherwise.
/// </summary>
public sealed class EmbeddedApiProcess : IAsyncDisposable
{
    private EmbeddedApiProcess(HostProcess host, Uri baseAddress)
    {
        Host = host;
        BaseAddress = baseAddress;
        Client = new GraphQLHttpClient(baseAddress);
    }

    public HostProcess Host { get; }

    public Uri BaseAddress { get; }

    public GraphQLHttpClient Client { get; }

    public static async Task<EmbeddedApiProcess> StartAsync(string name, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}/");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Postgres"] = string.Empty,
        };
        var logs = Path.Combine(Path.GetTempPath(), "actors-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        // The developer's host generates its document key; this one keeps it beside its logs, not in the user's home.
        environment["Documents__GeneratedKeyDirectory"] = Path.Combine(logs, "document-keys");
        var host = HostProcess.Start(name, ClusterProcesses.ApiDll, environment, ["--urls", baseAddress.ToString().TrimEnd('/')], logs, baseAddress);
        var api = new EmbeddedApiProcess(host, baseAddress);
        try
        {
            await host.WaitReadyAsync(TimeSpan.FromSeconds(120), cancellationToken);
            await api.WaitForDemoDataAsync(cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>The log's lines so far, as the process wrote them.</summary>
    public IReadOnlyList<string> LogLines()
    {
        using var stream = new FileStream(Host.LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync(TimeSpan.FromSeconds(10));
        await Host.DisposeAsync();
    }

    private async Task WaitForDemoDataAsync(CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var result = await Client.PostAsync("{ centers(first: 1) { totalCount } }", cancellationToken: cancellationToken);
            if (result["data"]?["centers"]?["totalCount"]?.GetValue<int>() > 0)
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Host.Name} served no demo centers within 60 s: {result.ToJsonString()}\n{Host.Tail()}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
