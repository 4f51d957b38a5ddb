namespace Actors.Api.Demo;

/// <summary>
/// The demo municipalities: <c>demo-municipalities.csv</c>, embedded in this assembly. No official
/// list of municipalities (nor of the 78 new ones) is available offline, so the set is marked as
/// demo (isDemo, "(démo)" / "(تجريبي)" in the names, codes DEMO-…): one municipality for each
/// governorate seat and two other well-known towns per governorate (not new), plus 78 invented
/// "new municipalities", mostly in the interior governorates, to match the count of the source.
/// </summary>
public static class DemoMunicipalities
{
    public const string ResourceName = "Demo/demo-municipalities.csv";

    public static string Csv()
    {
        using var stream = typeof(DemoMunicipalities).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
