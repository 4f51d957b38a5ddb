using Actors.Tests.Transport;

namespace Actors.Tests.Analytics;

/// <summary>
/// The /dashboard page in headless Chromium (tests/conformance/dashboard-check.mjs) against the real API with requests
/// submitted through GraphQL: an analyst sees every panel drawn, the total, Tunis counted, Gafsa (2 requests) and Sfax
/// (the next smallest, secondary suppression) as "&lt; 5" and never plotted; a citizen's token is refused. Screenshots go to ACTORS_SCREENSHOT_DIR (or the temp
/// folder) as dashboard-*.png. Skipped where node, its packages, Chromium or the built page are missing, except in CI.
/// </summary>
public sealed class DashboardBrowserTests(DashboardHost host) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task An_analyst_with_a_pasted_token_sees_every_panel_and_small_groups_withheld()
    {
        var analyst = await Token("ANALYST", "analyst-1");

        await Check("laptop", ["--token", analyst, .. Expectations()]);
    }

    [Fact]
    public async Task On_a_phone_the_development_button_gets_an_analyst_token_and_the_page_shows_the_same()
    {
        await Check("phone", ["--dev-token", "--phone", .. Expectations()]);
    }

    [Fact]
    public async Task A_citizen_token_is_refused_and_no_panel_is_shown()
    {
        var citizen = await Token("CITIZEN", "citizen-curious");

        await Check("citizen-refused", ["--token", citizen, "--expect-refused", "ne donne pas accès"]);
    }

    private static string[] Expectations()
    {
        // The API's rule: groups under 5 withheld, and when exactly one is, the next smallest too (secondary
        // suppression), so that the hidden one is not the total minus the others.
        var hidden = DashboardHost.Submitted.Where(s => s.Requests < 5).Select(s => s.Governorate).ToList();
        if (hidden.Count == 1)
        {
            hidden.Add(DashboardHost.Submitted.Where(s => s.Requests >= 5).MinBy(s => s.Requests).Governorate);
        }

        return
        [
            "--expect-total", DashboardHost.Total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. DashboardHost.Submitted.Where(s => !hidden.Contains(s.Governorate)).SelectMany(s => new[] { "--expect-shown", $"{s.Governorate}={s.Requests}" }),
            .. hidden.SelectMany(g => new[] { "--expect-suppressed", g }),
        ];
    }

    private Task<string> Token(string role, string subject)
    {
        RequirePrerequisites();
        return host.Token(role, subject);
    }

    private static void RequirePrerequisites() =>
        ConformancePrerequisites.Require(DashboardHost.MissingPrerequisite() is not null, DashboardHost.MissingPrerequisite() ?? string.Empty);

    private async Task Check(string name, string[] options)
    {
        RequirePrerequisites();
        var directory = Environment.GetEnvironmentVariable("ACTORS_SCREENSHOT_DIR") ?? Path.GetTempPath();
        Directory.CreateDirectory(directory);
        var screenshot = Path.Combine(directory, $"dashboard-{name}.png");
        File.Delete(screenshot);

        var (exitCode, output) = await NodeScript.RunAsync("dashboard-check.mjs", [host.PageAddress.ToString(), screenshot, .. options]);

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(screenshot));
    }
}
