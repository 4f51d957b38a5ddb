namespace Actors.Api.GraphQL;

/// <summary>The scripts a name's letters are told apart by (<see cref="InputText.PersonName"/>).</summary>
public enum NameScript
{
    Latin,
    Greek,
    Cyrillic,
    Arabic,
    Other,
}
