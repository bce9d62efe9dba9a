// Account administration (seeding, admin tools).
export { ensureUserWithRole, findUserById } from './auth-repository';
