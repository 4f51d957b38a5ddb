namespace Actors.Grains.Requests;

/// <summary>Ages in whole years, both ends included.</summary>
public sealed class AgeRange
{
    public int Minimum { get; set; }

    public int Maximum { get; set; }

    public bool Contains(int age) => age >= Minimum && age <= Maximum;
}
