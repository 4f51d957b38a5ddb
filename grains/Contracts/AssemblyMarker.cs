namespace Actors.Contracts; internal static class AssemblyMarker { }
