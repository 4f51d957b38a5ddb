using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace Actors.SiloHosting.Dashboard;

/// <summary>The Orleans Dashboard on a silo, for operators only (see <see cref="OperatorDashboardOptions"/>).</summary>
public static class OperatorDashboardExtensions
{
    /// <summary>Adds the dashboard's services when <c>Dashboard:Enabled</c>; its grain call profiling costs nothing otherwise.</summary>
    public static ISiloBuilder AddActorsDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (Options(configuration) is not null)
        {
            // The live trace would stream every log line to whoever watches: logs stay with the log pipeline.
            silo.AddDashboard(dashboard => dashboard.HideTrace = true);
        }

        return silo;
    }

    /// <summary>Maps the dashboard behind basic authentication when it is enabled; nothing otherwise.</summary>
    public static WebApplication MapActorsDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (Options(app.Configuration) is { } options)
        {
            app.MapOrleansDashboard(routePrefix: options.Path).AddEndpointFilter(new DashboardBasicAuthentication(options));
        }

        return app;
    }

    /// <summary>The options when the dashboard is enabled, null when it is off; enabled without a password is refused.</summary>
    public static OperatorDashboardOptions? Options(IConfiguration configuration)
    {
        var options = configuration.GetSection(OperatorDashboardOptions.Section).Get<OperatorDashboardOptions>() ?? new OperatorDashboardOptions();
        if (!options.Enabled)
        {
            return null;
        }

        if (string.IsNullOrEmpty(options.Password) || string.IsNullOrEmpty(options.Username))
        {
            throw new InvalidOperationException(
                "Dashboard:Enabled is true but Dashboard:Username or Dashboard:Password is empty: the Orleans Dashboard is only served behind credentials (set Dashboard__Password from a Secret).");
        }

        return options;
    }
}
