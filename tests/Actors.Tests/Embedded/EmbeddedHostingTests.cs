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
        var lines = api.LogLines().Where(l => l.Length > 0 && !l.StartsWith("---", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(lines, l => l.Contains("Participant check thread", StringComparison.Ordinal));
        Assert.StartsWith("info: Microsoft.Hosting.Lifetime", lines[0], StringComparison.Ordinal);
        Assert.Contains("Now listening on: " + api.BaseAddress.ToString().TrimEnd('/'), lines[1], StringComparison.Ordinal);
        var banner = lines.FindIndex(l => l.Contains("GraphiQL: " + api.BaseAddress + "graphiql", StringComparison.Ordinal));
        var demo = lines.FindIndex(l => l.Contains("Demo data:", StringComparison.Ordinal));
        Assert.InRange(banner, 2, 10);
        Assert.True(demo < 0 || demo > banner, string.Join('\n', lines.Take(20)));
    }
}
