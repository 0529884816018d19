/* sb-cli-output.c: what every stdbase-cli command writes the same way
 *
 * Failures as one line on standard error with the exit status, and fields
 * of tab-separated or JSON output.
 */
#include "config.h"

#include "sb-cli-output.h"

int
sb_cli_fail (int          status,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever the message holds. */
  g_strdelimit (message, "\n", ' ');
  g_printerr ("stdbase-cli: %s\n", message);
  return status;
}

/* Tab-separated values: tabs and newlines inside a field become spaces. */
void
sb_cli_append_tsv_field (GString    *out,
                         const char *text,
                         gboolean    last)
{
  for (const char *p = text ? text : ""; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
  g_string_append_c (out, last ? '\n' : '\t');
}

/* A JSON string, or null for %NULL. */
void
sb_cli_append_json_string (GString    *out,
                           const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if ((guchar) *p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}
