/* sb-cli-pdf.h: stdbase-cli pdf info | render | annotations
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern GOptionEntry sb_cli_pdf_entries[];

int sb_cli_pdf_run (int          argc,
                    char       **argv,
                    const char  *format);

G_END_DECLS
