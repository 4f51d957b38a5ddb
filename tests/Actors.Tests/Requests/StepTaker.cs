namespace Actors.Tests.Requests;

/// <summary>Who takes a step in the tests: the citizen who owns the request, an agent of its center, a supervisor of its governorate, the system.</summary>
public enum StepTaker
{
    Agent,
    Supervisor,
    Owner,
    System,
}
