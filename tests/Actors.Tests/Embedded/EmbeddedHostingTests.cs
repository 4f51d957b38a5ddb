namespace Actors.Tests.Embedded;

/// <summary>
/// Two embedded APIs on one machine, as two developers' <c>dotnet run --project api</c>, in real
/// processes on Kestrel: both start, neither opens the cluster's default silo and gateway ports, and
/// each log starts with where the API listens, not with a watchdog warning.
/// </summary>
public sealed class EmbeddedHostingTests
{
    private const int DefaultSiloPort = 11111;
    private const int DefaultGatewayPort = 30000;

    [Fact]
    public async Task Two_embedded_apis_start_side_by_side_without_the_cluster_ports()
    {
        var cancellation = TestContext.Current.CancellationToken;
        Task<EmbeddedApiProcess>[] starting = [EmbeddedApiProcess.StartAsync("embedded-1", cancellation), EmbeddedApiProcess.StartAsync("embedded-2", cancellation)];
        var apis = new List<EmbeddedApiProcess>();
        try
        {
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                apis.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            foreach (var api in apis)
            {
                var result = await api.Client.PostAsync("{ governorates { code } }", cancellationToken: cancellation);
                Assert.Null(result["errors"]);
                Assert.Equal(24, result["data"]!["governorates"]!.AsArray().Count);

                if (ListeningPorts.IsSupported)
                {
                    var ports = ListeningPorts.Of(api.Host.Pid);
                    Assert.Contains(api.BaseAddress.Port, ports);
                    Assert.DoesNotContain(DefaultSiloPort, ports);
                    Assert.DoesNotContain(DefaultGatewayPort, ports);

                    // Kestrel and the silo's own loopback listener: no gateway.
                    Assert.Equal(2, ports.Count);
                }
            }
        }
        finally
        {
            foreach (var api in apis)
            {
                await api.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_log_starts_with_where_the_api_listens()
    {
        await using var api = await EmbeddedApiProcess.StartAsync("embedded-log", TestContext.Current.CancellationToken);

        // Entries are "level: category[event]" lines followed by indented message lines.
        var entries = api.LogLines().Where(l => l.Length > 0 && !char.IsWhiteSpace(l[0]) && !l.StartsWith("---", StringComparison.Ordinal)).ToList();
        var text = string.Join('\n', api.LogLines().Take(40));
        Assert.DoesNotContain(entries, e => e.Contains("Orleans.Runtime.Watchdog", StringComparison.Ordinal));

        // Before the server listens only warnings may appear (a loaded machine slows grain turns): nothing informational.
        var firstInfo = entries.FindIndex(e => e.StartsWith("info:", StringComparison.Ordinal));
        Assert.True(firstInfo >= 0 && entries[firstInfo].StartsWith("info: Microsoft.Hosting.Lifetime[14]", StringComparison.Ordinal), text);
        Assert.True(entries[firstInfo + 1].StartsWith("info: Actors.Api.Hosting.StartupBanner", StringComparison.Ordinal), text);
        Assert.Contains("GraphiQL: " + api.BaseAddress + "graphiql", text, StringComparison.Ordinal);
        Assert.Contains("Now listening on: " + api.BaseAddress.ToString().TrimEnd('/'), text, StringComparison.Ordinal);
    }
}
