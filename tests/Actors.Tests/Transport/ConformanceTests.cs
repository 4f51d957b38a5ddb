using Actors.Tests.Embedded;

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

    [Fact]
    public async Task Graphiql_in_development_picks_a_role_and_runs_a_pathway_example()
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? string.Empty);
        ConformancePrerequisites.Require(!File.Exists("/usr/bin/chromium"), "Chromium is not installed (apt-get install -y chromium).");
        ConformancePrerequisites.Require(
            !File.Exists(Path.Combine(Path.GetDirectoryName(ClusterProcesses.ApiDll)!, "wwwroot", "graphiql", "vendor", "graphiql.min.js")),
            "GraphiQL assets are not built.");

        // The real API in Development on Kestrel, where POST /dev/token exists.
        await using var api = await EmbeddedApiProcess.StartAsync("graphiql-api", TestContext.Current.CancellationToken);
        var baseUrl = api.BaseAddress.ToString().TrimEnd('/');
        var screenshot = Path.Combine(Path.GetTempPath(), "actors-graphiql-role-picker.png");

        var card = await NodeScript.RunAsync(
            "graphiql-check.mjs", baseUrl, screenshot, "\"status\": \"SUBMITTED\"", "--example", "ID card: a citizen submits", "--role", "CITIZEN");
        Assert.True(card.ExitCode == 0, card.Output);
        Assert.True(File.Exists(screenshot));

        var pupil = await NodeScript.RunAsync(
            "graphiql-check.mjs", baseUrl, screenshot, "\"isPupil\": true", "--example", "Pupil with a guardian (education officer)", "--role", "EDUCATION_OFFICER");
        Assert.True(pupil.ExitCode == 0, pupil.Output);

        var fund = await NodeScript.RunAsync(
            "graphiql-check.mjs", baseUrl, screenshot, "\"appropriation\"", "--example", "Fund: the 2026 budget and its allocations", "--role", "FUND_MANAGER");
        Assert.True(fund.ExitCode == 0, fund.Output);
    }
}
