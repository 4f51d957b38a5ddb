using Actors.Tests.Analytics;
using Actors.Tests.Transport;

namespace Actors.Tests.Progress;

/// <summary>
/// progressChanged as its clients use it, against the API as a developer runs it (<see cref="DashboardHost"/>): the
/// graphql-ws npm client (tests/conformance/progress-live-check.mjs) gets snapshots in order, at most one per interval,
/// while requests are submitted, and completes with a normal closure; the /dashboard page in headless Chromium
/// (dashboard-live-check.mjs) follows it live, shows a submission without being reloaded, and falls back to polling when
/// its socket closes. Screenshots go to
/// ACTORS_SCREENSHOT_DIR (or the temp folder) as dashboard-live-*.png. Skipped where node, its packages, Chromium or the
/// built page are missing, except in CI.
/// </summary>
public sealed class ProgressLiveClientTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    private const string Tunis = "TN11-GU1";

    [Fact]
    public async Task The_graphql_ws_client_gets_snapshots_in_order_and_completes_cleanly()
    {
        RequirePrerequisites();
        var analyst = await host.Token("ANALYST", "analyst-live-client");
        var citizen = await host.Token("CITIZEN", "citizen-live-client", nationalIdNumber: "01234567");

        var (exitCode, output) = await NodeScript.RunAsync("progress-live-check.mjs", new Uri(host.Api.BaseAddress, "/graphql").ToString(),
            "--token", analyst, "--citizen", citizen, "--center", GlobalIds.Center(Tunis), "--count", "4");

        Assert.True(exitCode == 0, output);
        Assert.Contains("1 passed, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_shows_a_submission_live_without_a_reload()
    {
        RequirePrerequisites();
        var analyst = await host.Token("ANALYST", "analyst-live-page");
        var citizen = await host.Token("CITIZEN", "citizen-live-page", nationalIdNumber: "01234567");
        var directory = Environment.GetEnvironmentVariable("ACTORS_SCREENSHOT_DIR") ?? Path.GetTempPath();
        Directory.CreateDirectory(directory);
        var prefix = Path.Combine(directory, "dashboard-live");
        foreach (var old in Directory.GetFiles(directory, "dashboard-live-*.png"))
        {
            File.Delete(old);
        }

        var (exitCode, output) = await NodeScript.RunAsync("dashboard-live-check.mjs", host.PageAddress.ToString(), prefix,
            "--token", analyst, "--citizen", citizen, "--center", GlobalIds.Center(Tunis));

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(prefix + "-before.png"), output);
        Assert.True(File.Exists(prefix + "-after.png"), output);
        Assert.True(File.Exists(prefix + "-fallback.png"), output);
    }

    private static void RequirePrerequisites() =>
        ConformancePrerequisites.Require(DashboardHost.MissingPrerequisite() is not null, DashboardHost.MissingPrerequisite() ?? string.Empty);
}
