namespace Actors.Api.Requests;

public sealed class GuardianInput
{
    public string FullName { get; set; } = "";

    public string NationalIdNumber { get; set; } = "";

    public string Relationship { get; set; } = "";

    public bool ConsentGiven { get; set; }
}
