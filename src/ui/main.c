/* main.c: starts StdBase
 */
#define G_LOG_DOMAIN "stdbase"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sb-application.h"
#include "sb-paths.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SbApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* The installed catalogs, or an uninstalled build's own (sb-paths.c). */
  bindtextdomain (GETTEXT_PACKAGE, sb_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = sb_application_new ();

  return g_application_run (G_APPLICATION (application), argc, argv);
}
