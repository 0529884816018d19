/* sb-cli-output.h: what every stdbase-cli command writes the same way
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SB_CLI_EXIT_INVALID 1   /* invalid input: a refused step, a bad file */
#define SB_CLI_EXIT_USAGE   2

int  sb_cli_fail               (int          status,
                                const char  *format,
                                ...) G_GNUC_PRINTF (2, 3);
void sb_cli_append_tsv_field   (GString     *out,
                                const char  *text,
                                gboolean     last);
void sb_cli_append_json_string (GString     *out,
                                const char  *text);

G_END_DECLS
