namespace Actors.Tests.Pathway;

[CollectionDefinition(Name)]
public sealed class AutomaticPathwayCollection : ICollectionFixture<AutomaticApiFactory>
{
    public const string Name = "Automatic pathway API";
}
