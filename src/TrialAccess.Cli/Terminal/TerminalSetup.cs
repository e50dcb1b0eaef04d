using Spectre.Console;

namespace TrialAccess.Cli.Terminal;

/// <summary>Plain text when output goes to a file or a pipe: no colours, no cursor codes, no live widgets; standard error always escaped (<see cref="TerminalText"/>).</summary>
internal static class TerminalSetup
{
    public static void Configure()
    {
        // Failures and warnings quote records and files: no control character of theirs reaches the terminal.
        Console.SetError(new EscapingWriter(Console.Error));

        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(Console.Out),
            });
        }
    }
}
