/* sb-base-name.h: the names a base carries (Art. 18, 22)
 */
#pragma once

#include <glib.h>

#include "sb-base-state.h"

G_BEGIN_DECLS

char *sb_base_name_preparatory_zh (const char  *short_name);
char *sb_base_name_established_zh (const char  *short_name);
char *sb_base_name_established_en (const char  *short_name_en);
char *sb_base_name_preparatory_en (const char  *short_name_en);
char *sb_base_name_for_state_zh   (SbBaseState  state,
                                   const char  *short_name);
char *sb_base_name_for_state_en   (SbBaseState  state,
                                   const char  *short_name_en);

G_END_DECLS
