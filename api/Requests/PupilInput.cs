namespace Actors.Api.Requests;

public sealed class PupilInput
{
    public string SchoolCode { get; set; } = "";

    public string? SchoolName { get; set; }

    public string? Grade { get; set; }
}
