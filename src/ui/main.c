/* main.c: starts StdBase
 */
#define G_LOG_DOMAIN "stdbase"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sb-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SbApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* An uninstalled build (build-aux/dev run) points at its own catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STDBASE_LOCALEDIR") ? g_getenv ("STDBASE_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = sb_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
