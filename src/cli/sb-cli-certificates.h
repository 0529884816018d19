/* sb-cli-certificates.h: stdbase-cli certificate, certificates and verify
 */
#pragma once

#include <glib.h>

#include "sb-programme.h"

G_BEGIN_DECLS

/* What the main program lends the commands: its way of opening the
 * programme (--database) and of reading the date (--today). */
typedef struct
{
  SbProgramme *(*open_programme) (GError **error);
  gboolean     (*get_today)      (GDate   *today,
                                  GError **error);
} SbCliHooks;

/* Exit statuses of verify, beyond 0 (genuine and in force), 1 (not a
 * readable certificate) and 2 (usage). */
#define SB_CLI_EXIT_VOID    3
#define SB_CLI_EXIT_REVOKED 4
#define SB_CLI_EXIT_FORGED  5

extern GOptionEntry sb_cli_certificate_entries[];
extern GOptionEntry sb_cli_certificates_entries[];

int sb_cli_run_certificate  (const SbCliHooks *hooks,
                             int               argc,
                             char            **argv);
int sb_cli_run_certificates (const SbCliHooks *hooks,
                             int               argc,
                             char            **argv);
int sb_cli_run_verify       (const SbCliHooks *hooks,
                             int               argc,
                             char            **argv);

G_END_DECLS
