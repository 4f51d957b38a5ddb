using SkiaSharp;

namespace Actors.Api.Documents.Printing;

/// <summary>
/// One single-direction run of text after HarfBuzz: glyphs in visual order (left to right on the page, also for
/// Arabic), each placed relative to the run's left end on its baseline, the index in the text each glyph comes from
/// (its cluster), and the run's advance width.
/// </summary>
internal sealed record ShapedRun(SKTypeface Typeface, float Size, ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, float Width);
