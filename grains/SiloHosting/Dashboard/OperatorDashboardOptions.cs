namespace Actors.SiloHosting.Dashboard;

/// <summary>
/// Configuration section "Dashboard": the Orleans Dashboard on a silo's HTTP port, for operators. Off unless enabled;
/// on, it answers only to <see cref="Username"/> and <see cref="Password"/> (HTTP basic authentication, the password
/// from a Secret), and a silo enabled without a password refuses to start.
/// </summary>
public sealed class OperatorDashboardOptions
{
    public const string Section = "Dashboard";

    public bool Enabled { get; set; }

    /// <summary>Where the dashboard is served; not <c>/dashboard</c>, which is the API's own operators' page.</summary>
    public string Path { get; set; } = "/orleans";

    public string Username { get; set; } = "operator";

    public string Password { get; set; } = "";
}
