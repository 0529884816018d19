/* sb-profile.h: the people who use a programme, and what each may see
 */
#pragma once

#include <glib.h>

#include "sb-base-state.h"
#include "sb-database.h"

G_BEGIN_DECLS

#define SB_PROFILE_ERROR (sb_profile_error_quark ())

typedef enum
{
  SB_PROFILE_ERROR_INVALID,
  SB_PROFILE_ERROR_NOT_FOUND,
  SB_PROFILE_ERROR_WRONG_ROLE,
} SbProfileError;

typedef struct
{
  gint64  id;
  char   *name;
  SbRole  role;
  gint64  organisation_id;     /* 0 for roles that act for the province */
  char   *organisation_name;
} SbProfile;

typedef struct
{
  gint64  id;
  char   *name;
} SbProfileOrganisation;

GQuark      sb_profile_error_quark             (void);

gboolean    sb_profile_role_needs_organisation (SbRole           role);

gboolean    sb_profile_check_acting_role       (SbDatabase      *database,
                                                SbRole           required,
                                                int              article,
                                                GError         **error);
GPtrArray  *sb_profile_list                    (SbDatabase      *database,
                                                GError         **error);
SbProfile  *sb_profile_load                    (SbDatabase      *database,
                                                gint64           id,
                                                GError         **error);
gint64      sb_profile_add                     (SbDatabase      *database,
                                                const char      *name,
                                                SbRole           role,
                                                gint64           organisation_id,
                                                GError         **error);
GPtrArray  *sb_profile_list_organisations      (SbDatabase      *database,
                                                SbRole           role,
                                                GError         **error);

SbProfile  *sb_profile_load_last               (SbDatabase      *database,
                                                GError         **error);
gboolean    sb_profile_set_last                (SbDatabase      *database,
                                                const SbProfile *profile,
                                                GError         **error);

GHashTable *sb_profile_list_visible_bases      (SbDatabase      *database,
                                                const SbProfile *profile,
                                                GError         **error);

SbProfile  *sb_profile_copy                    (const SbProfile *profile);
void        sb_profile_free                    (SbProfile       *profile);
void        sb_profile_organisation_free       (SbProfileOrganisation *organisation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SbProfile, sb_profile_free)

G_END_DECLS
