namespace Actors.Tests.Transport;

/// <summary>
/// The reference clients against the test host: graphql-http's audit, the graphql-ws client and
/// GraphiQL in headless Chromium (the test host listens on a real port). Skipped where node, the npm packages or
/// Chromium are missing, except in CI, where that fails (<see cref="ConformancePrerequisites"/>).
/// </summary>
[Collection(TransportCollection.Name)]
public sealed class ConformanceTests(TransportTestHost host)
{
    [Fact]
    public async Task Graphql_http_audit_passes_every_must()
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? string.Empty);

        var (exitCode, output) = await NodeScript.RunAsync("audit.mjs", host.GraphQLAddress.ToString());

        Assert.True(exitCode == 0, output);
        Assert.Contains(", 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graphql_ws_client_runs_a_query_and_a_subscription()
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? string.Empty);

        var query = await NodeScript.RunAsync("ws-check.mjs", host.WebSocketAddress.ToString(), "{ whoami hello }", "--token", host.IssueToken("ws-check"));
        Assert.True(query.ExitCode == 0, query.Output);
        Assert.Contains("\"whoami\":\"ws-check\"", query.Output, StringComparison.Ordinal);

        var subscription = await NodeScript.RunAsync("ws-check.mjs", host.WebSocketAddress.ToString(), "subscription { ticks(count: 3) }", "--min-events", "3");
        Assert.True(subscription.ExitCode == 0, subscription.Output);
    }

    [Fact]
    public async Task Graphiql_runs_the_default_query_in_a_browser()
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? string.Empty);
        ConformancePrerequisites.Require(!File.Exists("/usr/bin/chromium"), "Chromium is not installed (apt-get install -y chromium).");
        ConformancePrerequisites.Require(
            !File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "graphiql", "vendor", "graphiql.min.js")),
            "GraphiQL assets are not built.");

        var screenshot = Path.Combine(Path.GetTempPath(), "actors-graphiql-transport-test.png");
        var (exitCode, output) = await NodeScript.RunAsync("graphiql-check.mjs", host.BaseAddress.ToString().TrimEnd('/'), screenshot);

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(screenshot));

        // A subscription goes over graphql-transport-ws, with the header editor's JSON as connection_init payload.
        var subscription = await NodeScript.RunAsync(
            "graphiql-check.mjs", host.BaseAddress.ToString().TrimEnd('/'), screenshot, "\"ticks\": 3", "--query", "subscription { ticks(count: 3) }");
        Assert.True(subscription.ExitCode == 0, subscription.Output);
    }
}
