// Account administration (seeding, admin tools).
export { assignUserToFactory, ensureUserWithRole, factoryIdOfUser, findUserById, promoteShopperToSeller } from './auth-repository';
