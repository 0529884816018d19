/* sb-paths.h: where the installed or uninstalled program finds its files
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *sb_paths_get_data_dir   (void);
const char *sb_paths_get_locale_dir (void);

G_END_DECLS
