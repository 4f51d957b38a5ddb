using Actors.Api.Identity;
using Actors.ServiceDefaults;
using Actors.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Clocks;

/// <summary>
/// The API whose silo reads a <see cref="RehearsalClock"/> that tests move forward, with the request clocks' reminders
/// never further than a second ahead in real time, so that a look follows a move promptly. Tokens are issued and
/// checked on the real clock (a token issued "ten days from now" would not be valid yet), so they work before and
/// after a move. The automatic pathway is off: agents take each step.
/// </summary>
public class ClockApiFactory : ApiFactory
{
    public RehearsalClock Clock { get; } = new(TimeSpan.Zero);

    protected override IReadOnlyDictionary<string, string> Settings => ClockSettings;

    protected static Dictionary<string, string> ClockSettings => new()
    {
        ["Pathway:Automatic"] = "false",
        ["Sla:MaxReminderDelay"] = "00:00:01",
        ["Sla:ReminderPeriod"] = "00:00:01",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(sp => new TokenIssuer(sp.GetRequiredService<TokenKeys>(), TimeProvider.System));
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TimeProvider = TimeProvider.System);
            services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
    }

    /// <summary>Moves the silo's "now" to just after <paramref name="instant"/> (never back).</summary>
    public void MovePast(DateTimeOffset instant)
    {
        var now = Clock.GetUtcNow();
        if (instant >= now)
        {
            Clock.Advance(instant - now + TimeSpan.FromMinutes(1));
        }
    }
}
