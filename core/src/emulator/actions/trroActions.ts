import { done, int, str, type ActionHandler } from './ActionHandler.js';

/**
 * TRRO ModifyProjectSecMode: the catalog already checks Mode/AutoRegister/FieldListEnable ranges, the Key pattern
 * (32 lower-case letters and digits) and that Key is given when Mode is 1. The settings are kept per project.
 */
export const modifyProjectSecMode: ActionHandler = (state, params) => {
  const projectId = str(params, 'ProjectId')!;
  const key = str(params, 'Key');
  const autoRegister = int(params, 'AutoRegister');
  const fieldListEnable = int(params, 'FieldListEnable');
  state.trroProjects.set(projectId, {
    ProjectId: projectId,
    Mode: int(params, 'Mode')!,
    ...(key !== undefined ? { Key: key } : {}),
    ...(autoRegister !== undefined ? { AutoRegister: autoRegister } : {}),
    ...(fieldListEnable !== undefined ? { FieldListEnable: fieldListEnable } : {}),
  });
  return done({}, true);
};
