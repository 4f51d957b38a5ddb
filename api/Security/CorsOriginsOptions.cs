namespace Actors.Api.Security;

/// <summary>
/// The frontends' origins (<c>Cors:AllowedOrigins</c>, e.g. <c>https://services.interieur.gov.tn</c>) that browsers may
/// let call this API from their pages. None by default: the API's own pages are same-origin and need no CORS.
/// </summary>
public sealed class CorsOriginsOptions
{
    public const string Section = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
