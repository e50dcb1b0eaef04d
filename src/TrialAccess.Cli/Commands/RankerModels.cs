using TrialAccess.Matching.Ranking;
using TrialAccess.Ranking;

namespace TrialAccess.Cli.Commands;

/// <summary>The learned ranking model the commands load: the one shipped with the build unless a file is named.</summary>
internal static class RankerModels
{
    /// <summary>The shipped model's file, relative to the repository (copied beside the built CLI).</summary>
    public const string ShippedRelativePath = "models/ranker/ranker-v1.zip";

    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, ShippedRelativePath);

    /// <summary>Loads the named model (or the shipped one) and checks its features; a clear error otherwise.</summary>
    public static (IRelevanceModel? Model, string? Error) Load(FileInfo? file)
    {
        var path = file?.FullName ?? ShippedPath;
        try
        {
            var model = LambdaMartModel.Load(path);
            RelevanceModelMismatchException.ThrowIfIncompatible(model);
            return (model, null);
        }
        catch (Exception e) when (e is InvalidDataException or RelevanceModelMismatchException)
        {
            return (null, e.Message);
        }
    }
}
