using System.CommandLine;
using TrialAccess.Matching.Ranking;
using TrialAccess.Ranking;

namespace TrialAccess.Cli.Commands;

/// <summary>The learned ranking model the commands load: the one shipped with the build unless a file is named.</summary>
internal static class RankerModels
{
    /// <summary>The shipped model's file, relative to the repository (copied beside the built CLI).</summary>
    public const string ShippedRelativePath = "models/ranker/ranker-v1.zip";

    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, ShippedRelativePath);

    /// <summary>The <c>--ranker full|learned</c> option of <c>match</c>, <c>serve</c> and <c>eval vignettes</c> (default full).</summary>
    public static Option<string> RankerOption(string description)
    {
        var ranker = new Option<string>("--ranker") { Description = description, DefaultValueFactory = _ => "full" };
        ranker.AcceptOnlyFromAmong("full", "learned");
        return ranker;
    }

    /// <summary>
    /// The model <c>--ranker</c> asks for: none for "full"; for "learned" the loaded model, or, when it cannot be
    /// loaded, the error written to standard error and <c>Ok</c> false.
    /// </summary>
    public static async Task<(bool Ok, IRelevanceModel? Model)> SelectAsync(string? ranker, FileInfo? file)
    {
        if (ranker != "learned")
        {
            return (true, null);
        }

        var (model, error) = Load(file);
        if (model is null)
        {
            await Console.Error.WriteLineAsync($"error: {error}");
            return (false, null);
        }

        return (true, model);
    }

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
