using System.CommandLine;
using TrialAccess.Storage;

namespace TrialAccess.Cli.Commands;

/// <summary>Options shared by several commands, and the exit codes every command uses.</summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = $"SQLite file path or PostgreSQL connection string (default: ${TrialStoreFactory.EnvironmentVariable}, else {TrialStoreFactory.DefaultSqlitePath})",
        Recursive = true,
    };

    public static Option<OutputFormat> Format(OutputFormat defaultFormat = OutputFormat.Table)
    {
        return new Option<OutputFormat>("--format")
        {
            Description = "Output format: table or json",
            DefaultValueFactory = _ => defaultFormat,
        };
    }
}

internal enum OutputFormat
{
    Table,
    Json,
}

internal static class ExitCodes
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int PartialFailure = 2;
}
