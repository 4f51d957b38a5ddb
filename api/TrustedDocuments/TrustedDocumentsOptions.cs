namespace Actors.Api.TrustedDocuments;

/// <summary>
/// Configuration section <c>GraphQL:TrustedDocuments</c>. Left unset, the mode is
/// <see cref="TrustedDocumentsMode.PublicAndCitizens"/> in Production, where the public endpoint must not run
/// documents nobody reviewed, and <see cref="TrustedDocumentsMode.Off"/> elsewhere, so that GraphiQL stays ad hoc in Development.
/// </summary>
public sealed class TrustedDocumentsOptions
{
    public const string Section = "GraphQL:TrustedDocuments";

    public TrustedDocumentsMode? Mode { get; set; }

    public TrustedDocumentsMode EffectiveMode(IHostEnvironment environment) =>
        Mode ?? (environment.IsProduction() ? TrustedDocumentsMode.PublicAndCitizens : TrustedDocumentsMode.Off);
}
